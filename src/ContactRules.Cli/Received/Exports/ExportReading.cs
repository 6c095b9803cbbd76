using System.Collections.Generic;

namespace ContactRules.Cli.Received.Exports;

/// <summary>What one export gave: its format, the events read, and what could not be read.</summary>
internal sealed class ExportReading
{
    internal ExportReading(string file, ExportFormat? format)
    {
        File = file;
        Format = format;
    }

    /// <summary>The file, as named on the command line.</summary>
    internal string File { get; }

    /// <summary>The format recognised, or null when the file could not be recognised at all.</summary>
    internal ExportFormat? Format { get; }

    internal List<ReceivedEvent> Events { get; } = new();

    internal List<ExportProblem> Problems { get; } = new();

    /// <summary>Records a problem at <paramref name="location"/>.</summary>
    internal void Problem(string location, string message) => Problems.Add(new ExportProblem(File, location, message));
}
