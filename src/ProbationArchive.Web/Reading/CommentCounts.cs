using System.Globalization;

namespace ProbationArchive.Web.Reading;

/// <summary>"No replies", "1 reply", "1,025 replies": counts as the comment pages write them.</summary>
public static class CommentCounts
{
    public static string Counted(int count, string one, string many) =>
        count == 0 ? $"No {many}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many)}";
}
