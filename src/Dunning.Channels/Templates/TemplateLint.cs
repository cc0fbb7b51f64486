using Dunning.Channels.Hosting;
using Dunning.Domain;

namespace Dunning.Channels.Templates;

/// <summary>Warns, for a policy being validated, where an SMS step renders past one segment in a shipped locale: a
/// second segment costs money and may arrive out of order. Steps that send e-mail are checked too, because a failed
/// e-mail falls back to an SMS of the same step.</summary>
public static class TemplateLint
{
    /// <summary>Checks with the shipped templates and the default letterhead.</summary>
    public static IReadOnlyList<string> Check(EscalationPolicy policy) =>
        Check(policy, new MessageRenderer(TemplateCatalog.Embedded, new CreditorOptions(), new ChannelOptions()));

    /// <summary>Checks with <paramref name="renderer"/>'s templates and letterhead (the deployment's configuration).</summary>
    public static IReadOnlyList<string> Check(EscalationPolicy policy, MessageRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(renderer);
        var warnings = new List<string>();
        for (var i = 0; i < policy.Steps.Count; i++)
        {
            var step = policy.Steps[i];
            var actions = step.Actions.Concat(step.Otherwise ?? []);
            if (!actions.Any(a => a is StepAction.Sms or StepAction.Email))
            {
                continue;
            }

            foreach (var locale in renderer.Catalog.Locales)
            {
                var text = renderer.RenderSms(SampleFacts(locale), step.Name);
                var segments = SmsSegments.Count(text);
                if (segments > 1)
                {
                    warnings.Add($"steps[{i}] ({step.Name}): {locale} SMS renders to {segments} segments");
                }
            }
        }

        return warnings;
    }

    /// <summary>A realistic case: long enough names and amounts that a template fitting here fits most cases.</summary>
    internal static MessageFacts SampleFacts(string locale) => locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
        ? new MessageFacts("c000000000000000000000000", "ACC-0001234567", "INV-2026-000123", "欧阳晓明", locale, "Asia/Shanghai",
            new Money(12345.67m, "CNY"), new DateOnly(2026, 11, 20), "sample")
        : new MessageFacts("c000000000000000000000000", "ACC-0001234567", "INV-2026-000123", "Alexandra Johnson", locale, "America/New_York",
            new Money(1234.56m, "USD"), new DateOnly(2026, 11, 20), "sample");
}
