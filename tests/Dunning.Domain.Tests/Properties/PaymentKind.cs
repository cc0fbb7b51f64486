namespace Dunning.Domain.Tests;

/// <summary>How a generated payment relates to what is outstanding when it arrives.</summary>
public enum PaymentKind
{
    Partial,
    Full,
    Over,
    WrongCurrency,
    Zero,
}
