using Dunning.Endpoints.Cases;
using Dunning.Endpoints.Http;
using Dunning.Endpoints.Logging;
using Dunning.Endpoints.Routing;
using Dunning.Domain;
using Dunning.Channels;
using Dunning.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dunning.Endpoints.Payments;

/// <summary>POST /api/webhooks/payments (signed, not keyed) and GET /api/payments/unmatched (viewer). A payment id is
/// applied once: seen applied before, it is acknowledged and nothing is recorded; recorded, its command id is derived from it. A
/// payment that names no known case is kept as unmatched, never dropped.</summary>
public static class PaymentsWebhook
{
    private const int MaxPaymentIdLength = 128;

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        app.Map(ApiRoutes.ReceivePayment, ReceiveAsync).Accepts<PaymentNotice>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        app.Map(ApiRoutes.ListUnmatchedPayments, ListUnmatchedAsync);
        return app;
    }

    public static async Task<Results<Accepted<PaymentAccepted>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, WebhookSettings settings, CaseStore store, ICaseCommands commands, ReadModelStore readModels, VirtualClock clock,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(PaymentsWebhook).FullName!);
        if (string.IsNullOrEmpty(settings.PaymentSecret))
        {
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Payment webhooks are not configured.",
                "Set Dunning:Webhooks:PaymentSecret to the secret the payment provider signs with.");
        }

        var (bytes, tooLarge) = await RequestBody.ReadBytesAsync(http, cancellationToken);
        if (bytes is null)
        {
            return tooLarge!;
        }

        // Real time: the sender stamped the request with its own wall clock, whatever the business clock reads.
        var why = WebhookSignature.Verify(settings.PaymentSecret, http.Request.Headers[WebhookSignature.TimestampHeader],
            http.Request.Headers[WebhookSignature.SignatureHeader], bytes, clock.Real.GetUtcNow(), settings.Tolerance);
        if (why is not null)
        {
            ApiLog.WebhookRefused(logger, why);
            return Problems.Status(StatusCodes.Status401Unauthorized, "The webhook signature is not valid.",
                $"Sign \"{{timestamp}}.{{raw body}}\" with HMAC-SHA256 and the shared secret; send {WebhookSignature.TimestampHeader} (Unix seconds, within {settings.Tolerance.TotalMinutes:0} minutes of now) and {WebhookSignature.SignatureHeader}: sha256=<lowercase hex>.");
        }

        var (notice, problem) = RequestBody.ParseJson<PaymentNotice>(bytes);
        if (notice is null)
        {
            return problem!;
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(notice.PaymentId) || notice.PaymentId.Length > MaxPaymentIdLength
            || notice.PaymentId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
        {
            errors.Add("paymentId", $"Give the provider's payment id: 1 to {MaxPaymentIdLength} characters, none of / \\ # ? or control characters.");
        }

        var amount = notice.Amount is null ? null : MoneyChecks.Check(notice.Amount.Amount, notice.Amount.Currency, "amount", errors);
        if (notice.Amount is null)
        {
            errors.Add("amount", "Give the amount paid as { \"amount\": 100.00, \"currency\": \"CNY\" }.");
        }

        if (errors.Any || amount is not { } paid)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var paymentId = notice.PaymentId!;
        var caseId = CaseIdOf(notice);
        if (await readModels.FindPaymentAsync(paymentId, cancellationToken) is { } seen)
        {
            ApiLog.PaymentReceived(logger, paymentId, seen.CaseId, "duplicate");
            return Accepted(new PaymentAccepted(paymentId, seen.CaseId, "duplicate"));
        }

        if (caseId is null || !CaseIdFormat.IsPlausible(caseId) || await store.GetAsync(caseId, cancellationToken) is null)
        {
            var reason = caseId is null ? "no caseId, nor accountId and invoiceId" : $"no case {caseId}";
            await readModels.AddUnmatchedAsync(new UnmatchedPayment(paymentId, notice.CaseId, notice.AccountId, notice.InvoiceId, paid,
                notice.ReceivedAt, clock.GetUtcNow(), reason), cancellationToken);
            ApiLog.PaymentUnmatched(logger, paymentId, reason);
            return Accepted(new PaymentAccepted(paymentId, caseId, "unmatched"));
        }

        // The command id is the payment's: a retried webhook that races the first is still applied once. Once recorded the
        // payment is safe, whatever becomes of the workflow's doorbell, so the 202 promises nothing it cannot keep.
        await commands.SubmitAsync(caseId, new ReceivePayment(clock.GetUtcNow(), paymentId, paid, notice.ReceivedAt), $"pay-{paymentId}", cancellationToken);
        ApiLog.PaymentReceived(logger, paymentId, caseId, "queued");
        return Accepted(new PaymentAccepted(paymentId, caseId, "queued"));
    }

    public static async Task<Ok<IReadOnlyList<UnmatchedPayment>>> ListUnmatchedAsync(ReadModelStore readModels, CancellationToken cancellationToken) =>
        TypedResults.Ok(await readModels.ListUnmatchedAsync(cancellationToken));

    private static Accepted<PaymentAccepted> Accepted(PaymentAccepted body) =>
        TypedResults.Accepted(body.CaseId is null || body.Outcome == "unmatched" ? "/api/payments/unmatched" : CasesApi.Location(body.CaseId), body);

    private static string? CaseIdOf(PaymentNotice notice) =>
        !string.IsNullOrWhiteSpace(notice.CaseId) ? notice.CaseId
        : !string.IsNullOrWhiteSpace(notice.AccountId) && !string.IsNullOrWhiteSpace(notice.InvoiceId) ? CaseIds.For(notice.AccountId, notice.InvoiceId)
        : null;
}
