namespace Dunning.Domain;

public static partial class CaseDecider
{
    /// <summary>The single gate every contact passes: opt-outs, missing details, the lawful window and caps. A contact
    /// that may not happen now is deferred to the first instant it may, never dropped.</summary>
    private static void Contact(Decision d, string step, StepAction action, string? fallbackFor)
    {
        var channel = ChannelOf(action);
        if (MissingRoute(d.Case, channel) is { } missing)
        {
            d.Emit(new ContactSkipped(d.Now, step, action, missing));
            if (channel == ContactChannel.Visit && !d.Case.OptOuts.Contains(ContactChannel.Call) && HasPhone(d.Case))
            {
                Contact(d, step, StepAction.Call, fallbackFor);
            }

            return;
        }

        var (when, why) = EarliestLawful(d, channel);
        if (when > d.Now)
        {
            d.Emit(new ContactDeferred(d.Now, step, action, when, why, fallbackFor));
            return;
        }

        var id = $"k{d.Case.ContactSeq + 1}";
        CaseEvent contact = action switch
        {
            StepAction.Sms => new SmsSent(d.Now, id, step, fallbackFor),
            StepAction.Email => new EmailSent(d.Now, id, step, fallbackFor),
            StepAction.Call => new CallTaskCreated(d.Now, id, step),
            StepAction.Visit => new VisitScheduled(d.Now, id, step, d.Case.Debtor.Address),
            _ => new NoticeIssued(d.Now, id, step, action, d.Today.AddDays(d.Policy.Steps[d.Policy.IndexOf(step)].DeadlineDays ?? 7), d.Claim()),
        };
        d.Emit(contact);
    }

    /// <summary>The first instant at or after now that both the channel's window and its cap allow.</summary>
    private static (DateTimeOffset When, string Why) EarliestLawful(Decision d, ContactChannel channel)
    {
        var window = channel == ContactChannel.Visit ? d.Policy.Contact.VisitHours : d.Policy.Contact.WindowFor(d.Case.Debtor.Jurisdiction);
        var cap = d.Policy.Contact.CapFor(channel);
        var attempts = d.Case.Contacts.Where(c => c.Channel == channel).Select(c => c.At).ToList();
        var conversation = channel == ContactChannel.Call ? d.Case.LastConversation : null;
        var when = d.Now;
        var why = "";
        // Each rule only moves the instant later, so alternating them converges; a few rounds always suffice for
        // windows of at least an hour and caps of days.
        for (var round = 0; round < 16; round++)
        {
            var allowed = window.NextAllowed(when, d.Zone);
            if (allowed > when)
            {
                why = channel == ContactChannel.Visit
                    ? $"outside visit hours {window.Start:HH\\:mm}-{window.End:HH\\:mm} on working days ({d.Case.Debtor.TimeZone})"
                    : $"outside the contact window {window.Start:HH\\:mm}-{window.End:HH\\:mm} ({d.Case.Debtor.TimeZone})";
                when = allowed;
            }

            var capped = cap is null ? when : ContactCaps.EarliestAllowed(cap, attempts, conversation, when);
            if (capped == when)
            {
                return (when, why);
            }

            why = $"the {channel.ToString().ToLowerInvariant()} cap ({cap!.MaxAttempts} in {cap.Per.TotalDays:0} days"
                + (cap.QuietAfterConversation > TimeSpan.Zero ? $", none within {cap.QuietAfterConversation.TotalDays:0} days of a conversation)" : ")");
            when = capped;
        }

        return (when, why);
    }

    private static string? MissingRoute(CaseState s, ContactChannel channel)
    {
        if (s.OptOuts.Contains(channel))
        {
            return $"the debtor opted out of {channel.ToString().ToLowerInvariant()}";
        }

        return channel switch
        {
            ContactChannel.Sms or ContactChannel.Call when !HasPhone(s) => "no phone number",
            ContactChannel.Email when string.IsNullOrWhiteSpace(s.Debtor.Email) => "no e-mail address",
            ContactChannel.Visit when string.IsNullOrWhiteSpace(s.Debtor.Address) => "no address for a visit",
            ContactChannel.Visit when s.AddressInvalid => "the debtor moved from the known address",
            ContactChannel.Letter when string.IsNullOrWhiteSpace(s.Debtor.Address) && string.IsNullOrWhiteSpace(s.Debtor.Email)
                => "no postal or e-mail address for a letter",
            _ => null,
        };
    }

    private static bool HasPhone(CaseState s) => !string.IsNullOrWhiteSpace(s.Debtor.Phone);

    public static ContactChannel ChannelOf(StepAction action) => action switch
    {
        StepAction.Sms => ContactChannel.Sms,
        StepAction.Email => ContactChannel.Email,
        StepAction.Call => ContactChannel.Call,
        StepAction.Visit => ContactChannel.Visit,
        StepAction.DemandNotice or StepAction.LawyerLetter => ContactChannel.Letter,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a contact action."),
    };
}
