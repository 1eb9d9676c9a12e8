namespace ProbationArchive.Core.Archive;

/// <summary>The join between posts and labels, kept as an entity so queries can count it.</summary>
public sealed class PostLabel
{
    public int PostId { get; set; }

    public int LabelId { get; set; }
}
