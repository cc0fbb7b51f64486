using System.Collections.Concurrent;

namespace Dunning.Channels.Tests.Acs;

public sealed partial class FakeAcsServer
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SmsSend> _sms = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SmsAttempt> _smsAttempts = [];
    private readonly Dictionary<string, EmailOperationState> _emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _operationIdsPosted = [];
    private readonly List<string> _signedDates = [];
    private int _messageSeq;

    /// <summary>Why requests were refused with 401.</summary>
    public List<string> AuthFailures { get; } = [];

    /// <summary>Recipients answered with a permanent per-recipient failure (400, invalid number).</summary>
    public HashSet<string> RejectedNumbers { get; } = [];

    /// <summary>Recipients answered with a transient per-recipient failure (429).</summary>
    public HashSet<string> ThrottledNumbers { get; } = [];

    /// <summary>Polls an e-mail operation answers Running before it ends.</summary>
    public int EmailPollsBeforeEnd { get; set; } = 1;

    /// <summary>How e-mail operations end: Succeeded, Failed or Canceled.</summary>
    public string EmailOutcome { get; set; } = "Succeeded";

    /// <summary>The retry-after the e-mail send and its Running polls carry (seconds), if any.</summary>
    public string? EmailRetryAfter { get; set; }

    /// <summary>The x-ms-date of every request, in arrival order.</summary>
    public IReadOnlyList<string> SignedDates
    {
        get
        {
            lock (_gate)
            {
                return _signedDates.ToList();
            }
        }
    }

    /// <summary>Requests that reached a route ("sms", "email-send", "email-status"), signed correctly or not.</summary>
    public int Requests(string route) => _requests.GetValueOrDefault(route);

    /// <summary>SMS the "network" actually sent: one per distinct repeatability id.</summary>
    public IReadOnlyList<SmsSend> SentSms
    {
        get
        {
            lock (_gate)
            {
                return _sms.Values.ToList();
            }
        }
    }

    /// <summary>Every recipient of every SMS request, in arrival order, with the repeatability pair it carried.</summary>
    public IReadOnlyList<SmsAttempt> SmsAttempts
    {
        get
        {
            lock (_gate)
            {
                return _smsAttempts.ToList();
            }
        }
    }

    /// <summary>E-mail operations the "network" actually started: one per distinct Operation-Id.</summary>
    public IReadOnlyList<EmailOperationState> SentEmails
    {
        get
        {
            lock (_gate)
            {
                return _emails.Values.ToList();
            }
        }
    }

    /// <summary>The Operation-Id header of every e-mail POST.</summary>
    public IReadOnlyList<string> OperationIdsPosted
    {
        get
        {
            lock (_gate)
            {
                return _operationIdsPosted.ToList();
            }
        }
    }

    private void Count(string route) => _requests.AddOrUpdate(route, 1, (_, n) => n + 1);

    public sealed record SmsAttempt(string To, string RepeatabilityRequestId, string RepeatabilityFirstSent);

    public sealed record SmsSend(string MessageId, string From, string To, string Message, string? Tag, string RepeatabilityRequestId, string RepeatabilityFirstSent);

    public sealed class EmailOperationState(string id, string body, int polls, string outcome)
    {
        public string Id { get; } = id;

        public string Body { get; } = body;

        public int PollsLeft { get; set; } = polls;

        public string Outcome { get; } = outcome;
    }
}
