using System.Collections.Concurrent;

namespace Dunning.Channels.Tests;

/// <summary>An SMS provider that records every send and answers as told (accepted by default).</summary>
public sealed class RecordingSmsProvider : ISmsProvider
{
    public ConcurrentQueue<OutgoingSms> Sent { get; } = new();

    public Func<OutgoingSms, SmsReceipt> Answer { get; set; } = sms => new SmsReceipt($"sms-{sms.IdempotencyKey}", true, null);

    public Task<SmsReceipt> SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(sms);
        return Task.FromResult(Answer(sms));
    }
}

/// <summary>An e-mail provider that records every send and answers as told (succeeded by default).</summary>
public sealed class RecordingEmailProvider : IEmailProvider
{
    public ConcurrentQueue<OutgoingEmail> Sent { get; } = new();

    public Func<OutgoingEmail, EmailReceipt> Answer { get; set; } = email => new EmailReceipt($"op-{email.IdempotencyKey}", true, "Succeeded", null);

    public Task<EmailReceipt> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue(email);
        return Task.FromResult(Answer(email));
    }
}
