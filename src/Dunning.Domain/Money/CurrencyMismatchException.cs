namespace Dunning.Domain;

/// <summary>Thrown when two amounts of different currencies meet; the decider checks first and rejects instead.</summary>
public sealed class CurrencyMismatchException(string left, string right)
    : InvalidOperationException($"Cannot combine {left} with {right}: amounts of different currencies never mix.");
