using System.Collections.Immutable;

namespace Dunning.Domain;

/// <summary>Everything the decider knows about one case. Built only by <see cref="CaseEvolution.Evolve"/> from the
/// case's history, so replaying the history rebuilds it exactly.</summary>
public sealed record CaseState
{
    public required string CaseId { get; init; }
    public required string AccountId { get; init; }
    public required string InvoiceId { get; init; }
    public required Debtor Debtor { get; init; }
    public required string PolicyId { get; init; }
    public required int PolicyVersion { get; init; }
    public required DateOnly DueDate { get; init; }
    public required Money AmountDue { get; init; }
    public required Money Outstanding { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public string? CampaignId { get; init; }

    public CaseStatus Status { get; init; } = CaseStatus.Active;
    public bool Disputed { get; init; }
    public ClosedReason? ClosedReason { get; init; }
    public DateTimeOffset? PausedUntil { get; init; }
    public Money Credit => Outstanding.IsNegative ? Money.Zero(Outstanding.Currency) - Outstanding : Money.Zero(Outstanding.Currency);

    /// <summary>The last ladder step taken, or "opened".</summary>
    public string Stage { get; init; } = "opened";

    /// <summary>Index of the first ladder step not yet taken or skipped.</summary>
    public int NextStepIndex { get; init; }

    /// <summary>The local date step offsets count from: the due date, moved when a pause, hold or jump shifts the ladder.</summary>
    public required DateOnly LadderAnchor { get; init; }

    public DebtorType? DebtorType { get; init; }
    public int BrokenPromises { get; init; }
    public int PromisesKept { get; init; }
    public PromiseToPay? Promise { get; init; }
    public RepaymentPlan? Plan { get; init; }

    /// <summary>A willing-but-unable debtor's time to agree a plan before escalation goes on.</summary>
    public DateTimeOffset? HoldUntil { get; init; }

    /// <summary>A hold for a plan was owed while the case was paused; it starts when the case resumes.</summary>
    public bool HoldOnResume { get; init; }

    public PendingTimer? Timer { get; init; }
    public int TimerSeq { get; init; }
    public int ContactSeq { get; init; }

    public ImmutableList<PendingContact> PendingContacts { get; init; } = [];
    public ImmutableList<ContactRecord> Contacts { get; init; } = [];
    public DateTimeOffset? LastConversation { get; init; }
    public ImmutableSortedSet<ContactChannel> OptOuts { get; init; } = [];
    public ImmutableSortedSet<string> PaymentIds { get; init; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);
    public ImmutableList<BalanceChange> Balances { get; init; } = [];
    public required Money Recovered { get; init; }
    public bool AddressInvalid { get; init; }

    /// <summary>How many events built this state: the case's version.</summary>
    public int Version { get; init; }

    public bool IsOpen => Status is CaseStatus.Active or CaseStatus.Paused;

    /// <summary>Escalation waits while a promise or plan runs or a plan is being agreed.</summary>
    public bool IsHeld(DateTimeOffset now) => Promise is not null || Plan is not null || (HoldUntil is { } until && until > now);
}
