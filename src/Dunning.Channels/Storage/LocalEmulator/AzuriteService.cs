namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>One of Azurite's three services, as its own entry point of the package (the azurite-blob, azurite-queue and
/// azurite-table commands) runs it.</summary>
/// <param name="Name">blob, queue or table: the prefix of its command-line options and of its output lines.</param>
/// <param name="ProbePath">A path under the account that the service answers (with 403 when unsigned) once it serves requests.</param>
internal sealed record AzuriteService(string Name, string ProbePath)
{
    public static readonly AzuriteService Blob = new("blob", "?comp=list");
    public static readonly AzuriteService Queue = new("queue", "?comp=list");
    public static readonly AzuriteService Table = new("table", "/Tables");

    /// <summary>Started in this order. The table service comes last and, when its parent dies, also stops last (see
    /// exit-with-parent.cjs): the run command takes a closed table port to mean the whole emulator has gone.</summary>
    public static readonly IReadOnlyList<AzuriteService> All = [Blob, Queue, Table];

    public string EntryScript(string toolDirectory) =>
        Path.Combine(toolDirectory, "node_modules", "azurite", "dist", "src", Name, "main.js");

    public int Port(AzuritePorts ports) => Name switch
    {
        "blob" => ports.Blob,
        "queue" => ports.Queue,
        _ => ports.Table,
    };
}
