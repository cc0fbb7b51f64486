using Dunning.Domain;

namespace Dunning.Chaos;

/// <summary>What the driver sent, to hold the end state against.</summary>
public sealed class Ledger
{
    private readonly List<SentPayment> _payments = [];
    private readonly Dictionary<string, int> _actions = new(StringComparer.Ordinal);
    private readonly HashSet<(string CaseId, string CommandId)> _submitted = [];

    /// <summary>Every command recorded in a case's command log (a repeat counted once).</summary>
    public IReadOnlyCollection<(string CaseId, string CommandId)> Commands
    {
        get
        {
            lock (_submitted)
            {
                return _submitted.ToList();
            }
        }
    }

    public IReadOnlyList<SentPayment> Payments
    {
        get
        {
            lock (_payments)
            {
                return _payments.ToList();
            }
        }
    }

    public IReadOnlyDictionary<string, int> Actions
    {
        get
        {
            lock (_actions)
            {
                return new SortedDictionary<string, int>(_actions, StringComparer.Ordinal);
            }
        }
    }

    public void Paid(SentPayment payment)
    {
        lock (_payments)
        {
            _payments.Add(payment);
        }
    }

    public void Recorded(string caseId, string commandId)
    {
        lock (_submitted)
        {
            _submitted.Add((caseId, commandId));
        }
    }

    public void Acted(string action)
    {
        lock (_actions)
        {
            _actions[action] = _actions.GetValueOrDefault(action) + 1;
        }
    }
}

/// <summary>One payment message sent; a duplicate repeats an earlier payment id in a new message.</summary>
public sealed record SentPayment(string PaymentId, string CaseId, Money Amount, PaymentKind Kind);

/// <summary>The kinds of payment the run sends.</summary>
public enum PaymentKind
{
    Full,
    Partial,
    Duplicate,
    UnknownCase,
}
