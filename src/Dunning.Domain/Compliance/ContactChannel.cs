namespace Dunning.Domain;

/// <summary>The ways a case reaches a debtor; each has its own window, cap and opt-out.</summary>
public enum ContactChannel
{
    Sms,
    Email,
    Call,
    Visit,
    Letter,
}
