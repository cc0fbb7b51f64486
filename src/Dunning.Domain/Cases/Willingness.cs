namespace Dunning.Domain;

/// <summary>Whether the debtor means to pay, as judged by a collector or supervisor.</summary>
public enum Willingness
{
    Willing,
    Unwilling,
}

/// <summary>Whether the debtor can pay, as judged by a collector or supervisor.</summary>
public enum Ability
{
    Able,
    Unable,
}
