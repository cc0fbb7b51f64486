namespace Dunning.Channels.Templates;

/// <summary>An e-mail as rendered for one debtor: subject, HTML and plain-text bodies.</summary>
public sealed record RenderedEmail(string Subject, string Html, string PlainText);
