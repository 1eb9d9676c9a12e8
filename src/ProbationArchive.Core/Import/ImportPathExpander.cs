using ProbationArchive.Core.Parsing;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Turns the paths given to the import command into files: folders are walked recursively in
/// ordinal name order, hidden entries skipped, and each real folder visited once, so symbolic-link
/// loops end.
/// </summary>
public static class ImportPathExpander
{
    public sealed record Entry(string Path, Diagnostic? Error);

    public static IEnumerable<Entry> Expand(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var visitedFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in paths)
        {
            var full = Path.GetFullPath(given);
            if (IsBrokenLink(new FileInfo(full)) is { } target)
            {
                yield return BrokenLink(full, target);
            }
            else if (File.Exists(full))
            {
                yield return new Entry(full, null);
            }
            else if (Directory.Exists(full))
            {
                foreach (var entry in Walk(new DirectoryInfo(full), visitedFolders))
                {
                    yield return entry;
                }
            }
            else
            {
                yield return new Entry(full, new Diagnostic(1, DiagnosticSeverity.Error, "not-found", "no file or folder at this path"));
            }
        }
    }

    private static IEnumerable<Entry> Walk(DirectoryInfo folder, HashSet<string> visitedFolders)
    {
        var real = RealPath(folder);
        if (!visitedFolders.Add(real))
        {
            yield break;
        }

        FileSystemInfo[] children;
        string? error = null;
        try
        {
            children = [.. folder.EnumerateFileSystemInfos().OrderBy(c => c.Name, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            children = [];
            error = e.Message;
        }

        if (error is not null)
        {
            yield return new Entry(folder.FullName, new Diagnostic(1, DiagnosticSeverity.Error, "unreadable", $"cannot list the folder: {error}"));
            yield break;
        }

        foreach (var child in children.Where(c => !c.Name.StartsWith('.')))
        {
            if (child is DirectoryInfo subfolder)
            {
                foreach (var entry in Walk(subfolder, visitedFolders))
                {
                    yield return entry;
                }
            }
            else if (IsBrokenLink(child) is { } target)
            {
                yield return BrokenLink(child.FullName, target);
            }
            else
            {
                yield return new Entry(child.FullName, null);
            }
        }
    }

    /// <returns>The link's target when the entry is a symbolic link to nothing; otherwise null.</returns>
    private static string? IsBrokenLink(FileSystemInfo entry)
    {
        try
        {
            return entry.LinkTarget is { } target && entry.ResolveLinkTarget(returnFinalTarget: true) is { Exists: false } ? target : null;
        }
        catch (IOException)
        {
            // A chain of links that loops never reaches a file.
            return entry.LinkTarget;
        }
    }

    private static Entry BrokenLink(string path, string target) =>
        new(path, new Diagnostic(1, DiagnosticSeverity.Error, "broken-link", $"the link points at '{target}', which does not exist"));

    private static string RealPath(DirectoryInfo folder)
    {
        try
        {
            return folder.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder.FullName;
        }
        catch (IOException)
        {
            return folder.FullName;
        }
    }
}
