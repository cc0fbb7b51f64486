namespace Dunning.Domain;

/// <summary>How serious a case is by days past due and amount; callers write the names as light, medium, severe.</summary>
public enum SeverityBucket
{
    Light,
    Medium,
    Severe,
}
