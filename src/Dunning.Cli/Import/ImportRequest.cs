namespace Dunning.Cli;

/// <summary>Send the campaign file at <see cref="FilePath"/> (as <see cref="MediaType"/>) to the service at
/// <see cref="Api"/> and follow it until every row is handled. <see cref="Key"/> is null when the command line gave
/// none; the import then takes it from DUNNING_API_KEY.</summary>
public sealed record ImportRequest(string FilePath, string MediaType, Uri Api, string? Key);
