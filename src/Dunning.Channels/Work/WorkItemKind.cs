namespace Dunning.Channels.Work;

/// <summary>Human work a case asks for: a collector's call or a field visit.</summary>
public enum WorkItemKind
{
    Call,
    Visit,
}
