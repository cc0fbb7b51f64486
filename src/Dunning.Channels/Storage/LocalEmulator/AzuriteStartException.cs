using System.Text.RegularExpressions;

namespace Dunning.Channels.Storage.LocalEmulator;

/// <summary>Azurite could not be installed or did not come up; <see cref="Output"/> holds what it (or npm) said.</summary>
public sealed class AzuriteStartException : Exception
{
    public AzuriteStartException(string message, string output, Exception? innerException = null)
        : base($"{message}{Environment.NewLine}--- output ---{Environment.NewLine}{output}", innerException)
    {
        Output = output;
    }

    /// <summary>The last lines the child process wrote to stdout and stderr.</summary>
    public string Output { get; }

    /// <summary>True when Azurite died because <paramref name="port"/> was taken (node: "listen EADDRINUSE: ... 127.0.0.1:PORT").</summary>
    internal bool ReportsPortInUse(int port) =>
        Regex.IsMatch(Output, $@"EADDRINUSE\b.*:{port}\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
