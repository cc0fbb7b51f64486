namespace Dunning.Cli.Tests;

/// <summary>A request as the fake service received it.</summary>
internal sealed record ReceivedRequest(HttpMethod Method, Uri Uri, string? MediaType, string? Key, byte[] Body);
