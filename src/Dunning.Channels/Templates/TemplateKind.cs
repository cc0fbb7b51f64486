namespace Dunning.Channels.Templates;

/// <summary>The kinds of template; each is a folder under Templates/{locale}/.</summary>
public enum TemplateKind
{
    Sms,
    EmailSubject,
    EmailHtml,
    EmailText,
    Notice,
    Report,
}
