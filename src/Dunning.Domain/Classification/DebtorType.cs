namespace Dunning.Domain;

/// <summary>The four debtor types by willingness and ability to pay; each picks an escalation track.</summary>
public enum DebtorType
{
    WillingAble,
    WillingUnable,
    UnwillingAble,
    UnwillingUnable,
}
