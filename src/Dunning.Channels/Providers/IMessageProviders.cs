namespace Dunning.Channels;

/// <summary>Sends SMS (Azure Communication Services in production, the capture table in local development).</summary>
public interface ISmsProvider
{
    Task<SmsReceipt> SendAsync(OutgoingSms sms, CancellationToken cancellationToken = default);
}

/// <summary>Sends e-mail (Azure Communication Services in production, the capture table in local development).</summary>
public interface IEmailProvider
{
    Task<EmailReceipt> SendAsync(OutgoingEmail email, CancellationToken cancellationToken = default);
}
