using FsCheck.Xunit;

namespace Dunning.Domain.Tests;

public sealed partial class CaseRunProperties
{
    /// <summary>Lawful contact is enforced in the domain: visits inside the policy's visit hours, every other
    /// channel inside the debtor's jurisdiction's window, on the debtor's local clock.</summary>
    [Property(Arbitrary = [typeof(CaseRunArbitraries)], MaxTest = Runs)]
    public void NoContact_FallsOutsideTheDebtorsWindowForItsChannel(CaseRun run)
    {
        var result = CaseRunDriver.Run(run);
        var contact = result.Policy.Contact;
        for (var i = 0; i < result.History.Count; i++)
        {
            if (result.History[i] is not ContactEvent e)
            {
                continue;
            }

            var window = e.Channel == ContactChannel.Visit ? contact.VisitHours : contact.WindowFor(run.Debtor.Jurisdiction);
            Expect(window.Allows(e.At, result.Zone), () => Failure(result, i,
                $"{e.Type} at {LocalCalendar.ToLocal(e.At, result.Zone):yyyy-MM-dd HH:mm zzz dddd} is outside {window.Start}-{window.End}"
                + (window.Days is null ? "" : $" on {string.Join(",", window.Days)}")));
        }
    }
}
