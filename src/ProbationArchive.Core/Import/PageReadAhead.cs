using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ProbationArchive.Core.Import;

/// <summary>
/// Reads, hashes and parses the next few files on another thread while the current one is
/// stored: SQLite takes one writer, so the second core is otherwise idle during an import.
/// The queue is bounded, so memory stays at a few pages whatever the number of files.
/// </summary>
internal static class PageReadAhead
{
    private const int FilesAhead = 16;

    public static async IAsyncEnumerable<PreparedFile> ReadAsync(
        IEnumerable<ImportPathExpander.Entry> entries, long maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<PreparedFile>(new BoundedChannelOptions(FilesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => FillAsync(queue.Writer, entries, maxBytes, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var file in queue.Reader.ReadAllAsync(cancellationToken))
            {
                yield return file;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reader;
        }
    }

    private static async Task FillAsync(ChannelWriter<PreparedFile> queue, IEnumerable<ImportPathExpander.Entry> entries, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var entry in entries)
            {
                var file = entry.Error is null
                    ? await PreparedFile.ReadAsync(entry.Path, maxBytes, cancellationToken)
                    : PreparedFile.Failed(entry.Path, entry.Error);
                await queue.WriteAsync(file, cancellationToken);
            }

            queue.Complete();
        }
        catch (Exception e)
        {
            // Cancellation included: the reader side sees it, or has already stopped reading.
            queue.TryComplete(e);
        }
    }
}
