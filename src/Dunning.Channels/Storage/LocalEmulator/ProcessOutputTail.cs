using System.Text;

namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>
/// Keeps the last lines a child process wrote, so a failed start can show them without the buffer
/// growing for as long as a long-lived emulator runs.
/// </summary>
internal sealed class ProcessOutputTail(int maxLines = 200)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > maxLines)
            {
                lines.Dequeue();
            }
        }
    }

    public bool Contains(string text)
    {
        lock (gate)
        {
            return lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public override string ToString()
    {
        lock (gate)
        {
            var text = new StringBuilder();
            foreach (var line in lines)
            {
                text.AppendLine(line);
            }

            return text.Length == 0 ? "(no output)" : text.ToString();
        }
    }
}
