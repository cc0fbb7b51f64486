namespace Dunning.Domain;

/// <summary>The industry's days-past-due buckets: M1 is 1-30 days, M2 31-60, M3 61-90, M3+ beyond 90.</summary>
public enum DelinquencyBucket
{
    Current,
    M1,
    M2,
    M3,
    M3Plus,
}
