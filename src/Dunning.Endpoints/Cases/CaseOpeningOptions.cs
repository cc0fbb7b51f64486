namespace Dunning.Endpoints.Cases;

/// <summary>How POST /api/cases waits for a new case, bound from <c>Dunning:Host</c> (its long-standing home).</summary>
public sealed class CaseOpeningOptions
{
    public const string Section = "Dunning:Host";

    /// <summary>How long POST /api/cases waits for the case's workflow to open the case before answering 202.</summary>
    public TimeSpan OpenCaseWait { get; set; } = TimeSpan.FromSeconds(5);
}
