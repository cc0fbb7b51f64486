namespace Dunning.Domain;

/// <summary>A durable timer came due. Only the token the case expects does anything.</summary>
public sealed record FireTimer(DateTimeOffset Now, string Token) : CaseCommand(Now);
