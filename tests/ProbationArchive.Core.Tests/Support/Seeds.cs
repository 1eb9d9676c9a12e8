namespace ProbationArchive.Core.Tests.Support;

/// <summary>The built-in corpus, copied beside the tests from the repository's seeds/.</summary>
public static class Seeds
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string PostPage2018 => Path.Combine(Folder, "000_c027f2ffa44b5895.txt");

    public static string PostPage2019 => Path.Combine(Folder, "001_ecdb575820ffe45e.txt");

    public static string PostPage2015 => Path.Combine(Folder, "002_63f4a4d53922dc7d.txt");

    public static string FlattenedPage => Path.Combine(Folder, "003_3c512dce8888630f.txt");

    public static string LabelPage => Path.Combine(Folder, "004_9cc3a5b766207c38.txt");

    public static IEnumerable<string> All => Directory.EnumerateFiles(Folder, "*.txt").Order(StringComparer.Ordinal);

    public static string Read(string path) => File.ReadAllText(path);
}
