namespace Dunning.Channels;

/// <summary>Which provider sends SMS and e-mail, bound from <c>Dunning:Channels</c>.</summary>
public sealed class MessageProviderOptions
{
    public const string Section = "Dunning:Channels";
    public const string Capture = "Capture";
    public const string Acs = "Acs";

    /// <summary>"Capture" (the default: store, send nothing) or "Acs" (Azure Communication Services).</summary>
    public string Provider { get; set; } = Capture;
}
