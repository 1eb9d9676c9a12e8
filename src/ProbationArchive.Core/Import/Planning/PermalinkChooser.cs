namespace ProbationArchive.Core.Import.Planning;

/// <summary>
/// Gives each post of a page a free address: the one it wants, else the first free of "-2",
/// "-3"… Taken means held by another stored post, or given to a post earlier on the same page.
/// </summary>
internal sealed class PermalinkChooser(IReadOnlyDictionary<string, int> stored)
{
    private readonly HashSet<string> _given = new(StringComparer.Ordinal);

    /// <param name="owner">The stored post that will hold the address; its own address is free to it.</param>
    public string Choose(string wanted, int? owner)
    {
        var candidate = wanted;
        for (var n = 2; IsTaken(candidate, owner); n++)
        {
            candidate = $"{wanted}-{n}";
        }

        _given.Add(candidate);
        return candidate;
    }

    private bool IsTaken(string permalink, int? owner) =>
        _given.Contains(permalink) || (stored.TryGetValue(permalink, out var holder) && holder != owner);
}
