using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dunning.Channels.Documents;
using Dunning.Channels.Handlers;
using Dunning.Channels.Legal;
using Dunning.Domain;
using Dunning.Workflow.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dunning.Channels.Tests;

/// <summary>The legal hand-off against Azurite: the dossier's contents, and the signed webhook checked by a real local
/// HTTP server exactly as a receiver would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LegalHandOffTests(AzuriteFixture azurite)
{
    private const string Secret = "legal-test-secret";

    [Fact]
    public async Task Given_a_case_handed_to_legal_Then_the_dossier_holds_the_whole_timeline_the_claim_and_the_notice_hashes()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var (state, context, effect) = await HandedOverAsync(h);

        var outcome = await Handler(h, new LegalNotifier(new HttpClient(), new LegalOptions(), TimeProvider.System)).HandleAsync(context);

        var recorded = Assert.IsType<RecordDocument>(Assert.Single(outcome.FollowUps));
        var bytes = (await h.Documents.ReadAsync(DocumentNames.LegalDossier(state.CaseId)))!;
        Assert.Equal((DocumentKind.LegalDossier, Convert.ToHexStringLower(SHA256.HashData(bytes))), (recorded.Kind, recorded.Sha256));
        Assert.EndsWith($"/cases/{state.CaseId}/legal-dossier.json", recorded.Location, StringComparison.Ordinal);

        var dossier = JsonSerializer.Deserialize<LegalDossier>(bytes, Dunning.Domain.DomainJson.Options)!;
        var history = await h.Cases.ReadHistoryAsync(state.CaseId);
        Assert.Equal(history.Select(e => (e.Seq, e.Event.Type, e.Event.At)), dossier.Timeline.Select(e => (e.Seq, e.Type, e.At)));
        Assert.All(dossier.Timeline, e => Assert.Equal(e.Type, e.Data.GetProperty("type").GetString()));
        foreach (var type in new[] { "CaseOpened", "SmsSent", "EmailSent", "CallTaskCreated", "VisitScheduled", "PaymentApplied", "NoticeIssued", "DocumentStored", "CaseHandedToLegal" })
        {
            Assert.Contains(dossier.Timeline, e => e.Type == type);
        }

        Assert.Equal(["demand-notice", "lawyer-letter"], dossier.Notices.Select(n => n.Kind));
        var stored = history.Select(e => e.Event).OfType<DocumentStored>().ToList();
        Assert.All(dossier.Notices, n => Assert.Equal(stored.Single(s => s.ContactId == n.ContactId).Sha256, n.Sha256));
        Assert.Equal(stored.Count, dossier.Documents.Count);

        Assert.Equal(effect.Claim.Total, dossier.Claim.Total);
        Assert.Equal(new Money(10000m, "CNY"), dossier.Claim.Principal);
        Assert.Equal("pay-1", Assert.Single(dossier.Claim.Computation.Payments).PaymentId);
        Assert.NotNull(dossier.Claim.Computation.Penalty);
        Assert.Equal(("李伟", "+8613800138000", "88 Century Ave, Pudong, Shanghai"), (dossier.Debtor.Name, dossier.Debtor.Phone, dossier.Debtor.Address));
        Assert.Equal((state.AccountId, "INV-1", new Money(12000m, "CNY")), (dossier.Contract.AccountId, dossier.Contract.InvoiceId, dossier.Contract.AmountDue));
        Assert.Equal(nameof(CaseStatus.HandedToLegal), dossier.Standing.Status);
    }

    [Fact]
    public async Task Given_a_legal_endpoint_Then_it_gets_one_verifiable_signed_webhook_even_after_a_failure_and_a_repeat()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var (state, context, _) = await HandedOverAsync(h);
        var received = new ConcurrentQueue<(string? Timestamp, string? Signature, string? Delivery, byte[] Body)>();
        var answer = StatusCodes.Status500InternalServerError;
        await using var legal = await StartLegalEndpointAsync(received, () => answer);
        // No retries in process: this is about what the engine's next delivery of the effect does.
        var handler = Handler(h, new LegalNotifier(new HttpClient(), Endpoint(legal, maxRetries: 0), TimeProvider.System));

        await Assert.ThrowsAsync<HttpRequestException>(() => handler.HandleAsync(context));
        answer = StatusCodes.Status202Accepted;
        var first = await handler.HandleAsync(context);
        var repeat = await handler.HandleAsync(context);

        Assert.Equal(first.FollowUps, repeat.FollowUps);
        Assert.Equal(2, received.Count);
        var (timestamp, signature, delivery, body) = received.Last();
        Assert.Equal(SignatureOf(timestamp, body), signature);
        Assert.InRange(long.Parse(timestamp!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Equal(context.IdempotencyKey, delivery);

        using var json = JsonDocument.Parse(body);
        var recorded = Assert.IsType<RecordDocument>(Assert.Single(first.FollowUps));
        Assert.Equal(("case.handed-to-legal", state.CaseId, recorded.Sha256),
            (json.RootElement.GetProperty("event").GetString(), json.RootElement.GetProperty("caseId").GetString(), json.RootElement.GetProperty("dossierSha256").GetString()));
        Assert.Equal(state.CaseId, json.RootElement.GetProperty("dossier").GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task Given_a_legal_endpoint_failing_twice_Then_the_notifier_tries_again_signing_each_attempt_afresh_under_one_delivery_id()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var (state, context, _) = await HandedOverAsync(h);
        var received = new ConcurrentQueue<(string? Timestamp, string? Signature, string? Delivery, byte[] Body)>();
        await using var legal = await StartLegalEndpointAsync(received,
            () => received.Count <= 2 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status202Accepted);
        var wallClock = new TickingClock(DateTimeOffset.UtcNow.AddMinutes(-1));

        await Handler(h, new LegalNotifier(new HttpClient(), Endpoint(legal), wallClock)).HandleAsync(context);

        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.Equal(context.IdempotencyKey, r.Delivery));
        Assert.Equal(3, received.Select(r => r.Timestamp).Distinct().Count());
        Assert.All(received, r => Assert.Equal(SignatureOf(r.Timestamp, r.Body), r.Signature));
    }

    [Fact]
    public async Task Given_a_legal_endpoint_refusing_the_request_Then_it_is_not_tried_again_in_process()
    {
        var h = await ChannelHarness.CreateAsync(azurite);
        var (state, context, _) = await HandedOverAsync(h);
        var received = new ConcurrentQueue<(string? Timestamp, string? Signature, string? Delivery, byte[] Body)>();
        await using var legal = await StartLegalEndpointAsync(received, () => StatusCodes.Status400BadRequest);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() =>
            Handler(h, new LegalNotifier(new HttpClient(), Endpoint(legal), TimeProvider.System)).HandleAsync(context));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single(received);
    }

    private static async Task<(CaseState State, EffectContext Context, HandOffToLegal Effect)> HandedOverAsync(ChannelHarness h)
    {
        var state = CaseLife.RunToLegal(h.Cases, "A-" + Guid.NewGuid().ToString("N")[..8]);
        var (context, effect) = await HandOffAsync(h, state.CaseId);
        return (state, context, effect);
    }

    /// <summary>The test endpoint, retried quickly (or not at all).</summary>
    private static LegalOptions Endpoint(WebApplication legal, int maxRetries = 3) => new()
    {
        WebhookUrl = new Uri(legal.Urls.First() + "/legal"), WebhookSecret = Secret, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    /// <summary>What the receiver computes to check a webhook: HMAC-SHA256 of "{timestamp}.{body}".</summary>
    private static string SignatureOf(string? timestamp, byte[] body) => "sha256=" + Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray()));

    private static LegalHandOffHandler Handler(ChannelHarness h, LegalNotifier notifier) =>
        new(new LegalDossierBuilder(h.Cases, PolicyCatalog.Default), h.Documents, notifier, NullLogger<LegalHandOffHandler>.Instance);

    private static async Task<(EffectContext Context, HandOffToLegal Effect)> HandOffAsync(ChannelHarness h, string caseId)
    {
        var state = (await h.Cases.GetStateAsync(caseId))!;
        var handedOver = (await h.Cases.ReadHistoryAsync(caseId)).Select(e => e.Event).OfType<CaseHandedToLegal>().Single();
        var facts = new MessageFacts(caseId, state.AccountId, state.InvoiceId, state.Debtor.Name, state.Debtor.Locale, state.Debtor.TimeZone,
            state.Outstanding, state.DueDate, state.Stage);
        var effect = new HandOffToLegal(handedOver.Step, handedOver.Claim, facts);
        return (new EffectContext(caseId, 99, effect, handedOver.At), effect);
    }

    private static async Task<WebApplication> StartLegalEndpointAsync(
        ConcurrentQueue<(string?, string?, string?, byte[])> received, Func<int> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/legal", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue((http.Request.Headers[WebhookSigner.TimestampHeader], http.Request.Headers[WebhookSigner.SignatureHeader],
                http.Request.Headers[WebhookSigner.DeliveryHeader], body.ToArray()));
            return Results.StatusCode(answer());
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>A wall clock a second further on at every reading (so each signature's timestamp differs), with real
    /// timers (so the retries' back-off passes).</summary>
    private sealed class TickingClock(DateTimeOffset start) : TimeProvider
    {
        private long _readings;

        public override DateTimeOffset GetUtcNow() => start.AddSeconds(Interlocked.Increment(ref _readings));
    }
}
