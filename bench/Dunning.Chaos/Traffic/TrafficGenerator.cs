using System.Globalization;
using Dunning.Domain;
using Dunning.Runtime;

namespace Dunning.Chaos;

/// <summary>Payments (full, partial, duplicate, and for cases that do not exist) and supervisor actions (pause, resume,
/// escalate, promise) arriving at random moments, each through the inbox as the API would send them. Actions go only
/// to cases already open, as the API would only offer them for a case it can show.</summary>
public sealed class TrafficGenerator(CaseInbox inbox, CaseStore store, VirtualClock clock, IReadOnlyList<OpenCase> cases, Ledger ledger, Random random)
{
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private int _payments;
    private int _unknown;

    /// <summary>Sends about <paramref name="actions"/> commands at the moments of a Poisson process over
    /// <paramref name="duration"/>; when slow storage makes it fall behind it goes on without waiting, and at the end of
    /// the duration it stops, whatever it has not sent.</summary>
    public async Task RunAsync(TimeSpan duration, int actions, CancellationToken cancellationToken = default)
    {
        var meanGap = duration.TotalSeconds / Math.Max(1, actions);
        var started = TimeProvider.System.GetTimestamp();
        for (var due = -Math.Log(1 - random.NextDouble()) * meanGap; due < duration.TotalSeconds; due += -Math.Log(1 - random.NextDouble()) * meanGap)
        {
            var wait = TimeSpan.FromSeconds(due) - TimeProvider.System.GetElapsedTime(started);
            if (TimeProvider.System.GetElapsedTime(started) >= duration)
            {
                return;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            await ActAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ActAsync(CancellationToken cancellationToken)
    {
        var roll = random.NextDouble();
        if (roll < 0.08)
        {
            var id = NextPaymentId();
            var caseId = ChaosCases.Unknown(++_unknown);
            await PayAsync(new SentPayment(id, caseId, Cny(1000), PaymentKind.UnknownCase), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (roll < 0.18 && ledger.Payments.Where(p => p.Kind is PaymentKind.Full or PaymentKind.Partial).ToList() is { Count: > 0 } earlier)
        {
            var again = earlier[random.Next(earlier.Count)];
            await PayAsync(again with { Kind = PaymentKind.Duplicate }, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await PickOpenCaseAsync(cancellationToken).ConfigureAwait(false) is not { } open)
        {
            return;
        }

        var now = clock.GetUtcNow();
        switch (roll)
        {
            case < 0.30:
                await PayAsync(new SentPayment(NextPaymentId(), open.CaseId, Cny(20_000), PaymentKind.Full), cancellationToken).ConfigureAwait(false);
                break;
            case < 0.60:
                await PayAsync(new SentPayment(NextPaymentId(), open.CaseId, Cny(500 + (random.Next(6) * 500)), PaymentKind.Partial), cancellationToken).ConfigureAwait(false);
                break;
            case < 0.70:
                var until = random.Next(2) == 0 ? (DateTimeOffset?)null : now.AddDays(2);
                await SendAsync(open.CaseId, new PauseCase(now, ChaosCases.Supervisor, "debtor asked for time", until), "pause", cancellationToken).ConfigureAwait(false);
                break;
            case < 0.80:
                await SendAsync(open.CaseId, new ResumeCase(now, ChaosCases.Supervisor, "back to the ladder"), "resume", cancellationToken).ConfigureAwait(false);
                break;
            case < 0.90:
                await SendAsync(open.CaseId, new EscalateCase(now, ChaosCases.Supervisor, "no answer"), "escalate", cancellationToken).ConfigureAwait(false);
                break;
            default:
                var today = LocalCalendar.DateOf(now, TimeZoneInfo.FindSystemTimeZoneById(open.Debtor.TimeZone));
                await SendAsync(open.CaseId, new RecordPromise(now, ChaosCases.Supervisor, "promised on the phone", Cny(2000), today.AddDays(2)),
                    "promise", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<OpenCase?> PickOpenCaseAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = cases[random.Next(cases.Count)];
            if (_open.Contains(candidate.CaseId) || await store.GetAsync(candidate.CaseId, cancellationToken).ConfigureAwait(false) is not null)
            {
                _open.Add(candidate.CaseId);
                return candidate;
            }
        }

        return null;
    }

    private async Task PayAsync(SentPayment payment, CancellationToken cancellationToken)
    {
        await inbox.SendAsync(payment.CaseId, new ReceivePayment(clock.GetUtcNow(), payment.PaymentId, payment.Amount, clock.GetUtcNow()),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        ledger.Paid(payment);
    }

    private async Task SendAsync(string caseId, CaseCommand command, string action, CancellationToken cancellationToken)
    {
        await inbox.SendAsync(caseId, command, cancellationToken: cancellationToken).ConfigureAwait(false);
        ledger.Acted(action);
    }

    private string NextPaymentId() => "PAY-" + (++_payments).ToString("D6", CultureInfo.InvariantCulture);

    private static Money Cny(decimal amount) => new(amount, "CNY");
}
