using System.Globalization;
using Dunning.Domain;
using Dunning.Workflow;

namespace Dunning.Chaos;

/// <summary>Payments (full, partial, the same payment again, and for cases that do not exist) and supervisor actions
/// (pause with and without an end, resume, escalate, promise, close, and an action repeated under its idempotency key)
/// arriving at random moments, each taken the way the API takes it: a payment or action for a case is recorded in its
/// command log and its workflow rung (<see cref="Dunning.Channels.ICaseCommands"/>, with the API's command ids), a
/// payment for a case that does not exist is kept as unmatched. Actions go only to cases already stored, as the API
/// only accepts them for a case it can find.</summary>
public sealed class TrafficGenerator(ChaosDriver driver, IReadOnlyList<OpenCase> cases, Ledger ledger, Random random)
{
    private const int SubmitAttempts = 5;
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private readonly List<(string CaseId, CaseCommand Command, string CommandId)> _actions = [];
    private int _payments;
    private int _unknown;

    /// <summary>Sends about <paramref name="actions"/> commands at the moments of a Poisson process over
    /// <paramref name="duration"/>; when slow storage makes it fall behind it goes on without waiting, and at the end of
    /// the duration it stops, whatever it has not sent.</summary>
    public async Task RunAsync(TimeSpan duration, int actions, CancellationToken cancellationToken = default)
    {
        var meanGap = duration.TotalSeconds / Math.Max(1, actions);
        var started = TimeProvider.System.GetTimestamp();
        for (var due = Gap(meanGap); due < duration.TotalSeconds; due += Gap(meanGap))
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

    private double Gap(double mean) => -Math.Log(1 - random.NextDouble()) * mean;

    private async Task ActAsync(CancellationToken cancellationToken)
    {
        var roll = random.NextDouble();
        if (roll < 0.08)
        {
            await PayUnknownCaseAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (roll < 0.18 && ledger.Payments.Where(p => p.Kind is PaymentKind.Full or PaymentKind.Partial).ToList() is { Count: > 0 } earlier)
        {
            var again = earlier[random.Next(earlier.Count)];
            await PayAsync(again with { Kind = PaymentKind.Duplicate }, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (roll >= 0.97 && _actions.Count > 0)
        {
            // A client retrying an action with its Idempotency-Key: the same command id, applied once.
            var (caseId, command, commandId) = _actions[random.Next(_actions.Count)];
            await SubmitAsync(caseId, command, commandId, cancellationToken).ConfigureAwait(false);
            ledger.Acted("repeated action");
            return;
        }

        if (await PickOpenCaseAsync(cancellationToken).ConfigureAwait(false) is not { } open)
        {
            return;
        }

        var now = driver.Clock.GetUtcNow();
        var supervisor = ChaosCases.Supervisor;
        switch (roll)
        {
            case < 0.30:
                await PayAsync(new SentPayment(NextPaymentId(), open.CaseId, Cny(20_000), PaymentKind.Full), cancellationToken).ConfigureAwait(false);
                break;
            case < 0.60:
                await PayAsync(new SentPayment(NextPaymentId(), open.CaseId, Cny(500 + (random.Next(6) * 500)), PaymentKind.Partial), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case < 0.70:
                var until = random.Next(2) == 0 ? (DateTimeOffset?)null : now.AddDays(2);
                await ActAsync(open.CaseId, new PauseCase(now, supervisor, "debtor asked for time", until), until is null ? "pause" : "pause until", cancellationToken)
                    .ConfigureAwait(false);
                break;
            case < 0.78:
                await ActAsync(open.CaseId, new ResumeCase(now, supervisor, "back to the ladder"), "resume", cancellationToken).ConfigureAwait(false);
                break;
            case < 0.86:
                await ActAsync(open.CaseId, new EscalateCase(now, supervisor, "no answer"), "escalate", cancellationToken).ConfigureAwait(false);
                break;
            case < 0.94:
                var today = LocalCalendar.DateOf(now, TimeZoneInfo.FindSystemTimeZoneById(open.Debtor.TimeZone));
                await ActAsync(open.CaseId, new RecordPromise(now, supervisor, "promised on the phone", Cny(2000), today.AddDays(2)), "promise", cancellationToken)
                    .ConfigureAwait(false);
                break;
            default:
                var reason = random.Next(2) == 0 ? ClosedReason.Settled : ClosedReason.WrittenOff;
                await ActAsync(open.CaseId, new CloseCase(now, supervisor, "agreed with the debtor", reason), "close", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task<OpenCase?> PickOpenCaseAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var candidate = cases[random.Next(cases.Count)];
            if (_open.Contains(candidate.CaseId) || await driver.Store.GetAsync(candidate.CaseId, cancellationToken).ConfigureAwait(false) is not null)
            {
                _open.Add(candidate.CaseId);
                return candidate;
            }
        }

        return null;
    }

    /// <summary>As the payment webhook: a case it cannot find gets nothing; the payment is kept as unmatched.</summary>
    private async Task PayUnknownCaseAsync(CancellationToken cancellationToken)
    {
        var payment = new SentPayment(NextPaymentId(), ChaosCases.Unknown(++_unknown), Cny(1000), PaymentKind.UnknownCase);
        if (await driver.Store.GetAsync(payment.CaseId, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new InvalidOperationException($"The unknown case {payment.CaseId} exists.");
        }

        var now = driver.Clock.GetUtcNow();
        await driver.ReadModels.AddUnmatchedAsync(new UnmatchedPayment(payment.PaymentId, payment.CaseId, null, null, payment.Amount, now, now,
            $"no case {payment.CaseId}"), cancellationToken).ConfigureAwait(false);
        ledger.Paid(payment);
    }

    /// <summary>As the payment webhook: the command id is the payment's, so the same payment sent again is one command.</summary>
    private async Task PayAsync(SentPayment payment, CancellationToken cancellationToken)
    {
        var now = driver.Clock.GetUtcNow();
        await SubmitAsync(payment.CaseId, new ReceivePayment(now, payment.PaymentId, payment.Amount, now), CommandIds.Payment(payment.PaymentId), cancellationToken)
            .ConfigureAwait(false);
        ledger.Paid(payment);
    }

    /// <summary>As a supervisor's action with an Idempotency-Key: the command id names the case and the key.</summary>
    private async Task ActAsync(string caseId, CaseCommand command, string action, CancellationToken cancellationToken)
    {
        var commandId = $"act-{caseId}-{_actions.Count.ToString("D6", CultureInfo.InvariantCulture)}";
        await SubmitAsync(caseId, command, commandId, cancellationToken).ConfigureAwait(false);
        _actions.Add((caseId, command, commandId));
        ledger.Acted(action);
    }

    /// <summary>Once this returns the command is recorded: a failed request (Azurite frozen in a sweep) is retried under the
    /// same id, which records it at most once.</summary>
    private async Task SubmitAsync(string caseId, CaseCommand command, string commandId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await driver.Commands.SubmitAsync(caseId, command, commandId, cancellationToken).ConfigureAwait(false);
                ledger.Recorded(caseId, commandId);
                return;
            }
            catch (Exception) when (attempt < SubmitAttempts && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string NextPaymentId() => "PAY-" + (++_payments).ToString("D6", CultureInfo.InvariantCulture);

    private static Money Cny(decimal amount) => new(amount, "CNY");
}

/// <summary>The command ids the API gives what it records.</summary>
public static class CommandIds
{
    public static string Payment(string paymentId) => $"pay-{paymentId}";
}
