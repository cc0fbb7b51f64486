using System.Globalization;
using Dunning.Channels.Hosting;
using Dunning.Domain;
using Fluid;

namespace Dunning.Channels.Templates;

/// <summary>Renders what a case sends: SMS, e-mails, written notices and the supervisor report, in the debtor's locale
/// (or the nearest shipped one), with the step's own template or the generic one of its kind. Rendering depends only
/// on its inputs, never on the clock, so a redelivered effect renders the same bytes.</summary>
public sealed class MessageRenderer(TemplateCatalog catalog, CreditorOptions creditor, ChannelOptions options)
{
    private static readonly TemplateOptions Options = new();

    public TemplateCatalog Catalog => catalog;

    /// <summary>The shipped locale a debtor with <paramref name="locale"/> gets.</summary>
    public string LocaleFor(string? locale) => catalog.ResolveLocale(locale, options.DefaultLocale);

    public string RenderSms(MessageFacts facts, string step)
    {
        var locale = LocaleFor(facts.Locale);
        var model = TemplateModel.ForMessage(facts, step, creditor.For(locale), FormatFor(locale));
        return Render(catalog.Find(locale, TemplateKind.Sms, step), model, isHtml: false).Trim();
    }

    public RenderedEmail RenderEmail(MessageFacts facts, string step)
    {
        var locale = LocaleFor(facts.Locale);
        return Email(locale, TemplateModel.ForMessage(facts, step, creditor.For(locale), FormatFor(locale)), step);
    }

    /// <summary>The covering e-mail a written notice is attached to.</summary>
    public RenderedEmail RenderNoticeEmail(SendNotice notice)
    {
        var locale = LocaleFor(notice.Facts.Locale);
        return Email(locale, TemplateModel.ForNotice(notice, creditor.For(locale), FormatFor(locale)), notice.Step, "notice");
    }

    /// <summary>The printable HTML letter of a demand notice or lawyer's letter.</summary>
    public string RenderNotice(SendNotice notice)
    {
        var locale = LocaleFor(notice.Facts.Locale);
        var model = TemplateModel.ForNotice(notice, creditor.For(locale), FormatFor(locale));
        return Render(catalog.Find(locale, TemplateKind.Notice, notice.Step, TemplateModel.NoticeName(notice.NoticeKind)), model, isHtml: true);
    }

    /// <summary>The internal HTML report for the supervisor; <paramref name="state"/> adds the case's record when known.</summary>
    public string RenderReport(ReportToSupervisor report, CaseState? state)
    {
        var locale = catalog.ResolveLocale(options.SupervisorLocale ?? report.Facts.Locale, options.DefaultLocale);
        var model = TemplateModel.ForReport(report, state, creditor.For(locale), FormatFor(locale));
        return Render(catalog.Find(locale, TemplateKind.Report, report.Step, "supervisor-report"), model, isHtml: true);
    }

    private RenderedEmail Email(string locale, Dictionary<string, object?> model, params string[] names) => new(
        Render(catalog.Find(locale, TemplateKind.EmailSubject, names), model, isHtml: false).Trim(),
        Render(catalog.Find(locale, TemplateKind.EmailHtml, names), model, isHtml: true),
        Render(catalog.Find(locale, TemplateKind.EmailText, names), model, isHtml: false).Trim() + "\n");

    private static LocaleFormat FormatFor(string locale) => new(CultureInfo.GetCultureInfo(locale));

    /// <summary>HTML gets every model string escaped beforehand (see <see cref="HtmlText"/>); the template's own markup
    /// is written as it is, and nothing is encoded twice.</summary>
    private static string Render(IFluidTemplate template, Dictionary<string, object?> model, bool isHtml)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, isHtml ? HtmlText.EscapeAll(value) : value);
        }

        return template.Render(context, NullEncoder.Default);
    }
}
