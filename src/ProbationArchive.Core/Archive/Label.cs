namespace ProbationArchive.Core.Archive;

public sealed class Label
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public List<Post> Posts { get; } = [];
}
