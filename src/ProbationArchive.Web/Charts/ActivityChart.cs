using System.Globalization;

namespace ProbationArchive.Web.Charts;

/// <summary>
/// The geometry of a posts-and-comments-per-month bar chart, drawn as SVG on the server: two
/// panels on one time axis, each scaled to its own largest month (a month has far more comments
/// than posts). A comments panel with nothing to show (no comment on these posts is in the
/// archive, as on a label known only from label pages) is left out, and the drawing is shorter.
/// Numbers are written with the invariant culture, whatever the server's.
/// </summary>
public sealed class ActivityChart
{
    public const int Width = 720;

    private const double Left = 8;
    private const double Right = Width - 8;
    private const int PanelHeight = 80;
    private const int PostsTop = 26;
    private const int CommentsTop = PostsTop + PanelHeight + 36;
    private const double MinLabelGap = 34;

    /// <param name="subject">What the chart covers, after "Posts and comments per month": " with label PO", " in 2018", or "".</param>
    public ActivityChart(string id, string subject, IReadOnlyList<MonthActivity> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        Id = id;
        Months = months;
        MaxPosts = months.Count == 0 ? 0 : months.Max(m => m.Posts);
        MaxComments = months.Count == 0 ? 0 : months.Max(m => m.Comments);
        Title = (ShowsComments ? "Posts and comments per month" : "Posts per month") + subject;
        PlotBottom = ShowsComments ? CommentsTop + PanelHeight : PostsTop + PanelHeight;
        Step = months.Count == 0 ? 0 : (Right - Left) / months.Count;
        PostBars = Bars(m => m.Posts, MaxPosts, PostsTop);
        CommentBars = Bars(m => m.Comments, MaxComments, CommentsTop);
        AxisLabels = Labels();
    }

    /// <summary>Prefix of the ids inside the chart, unique on its page.</summary>
    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<MonthActivity> Months { get; }

    public int MaxPosts { get; }

    public int MaxComments { get; }

    public IReadOnlyList<ChartBar> PostBars { get; }

    public IReadOnlyList<ChartBar> CommentBars { get; }

    public IReadOnlyList<ChartLabel> AxisLabels { get; }

    /// <summary>Whether any month has a comment: if none does, the comments panel and column are left out.</summary>
    public bool ShowsComments => MaxComments > 0;

    public int Height => PlotBottom + 32;

    public string ViewBox => string.Create(CultureInfo.InvariantCulture, $"0 0 {Width} {Height}");

    public static string PostsTitleY => Number(PostsTop - 8);

    public static string CommentsTitleY => Number(CommentsTop - 8);

    public static string PostsBaseline => Number(PostsTop + PanelHeight);

    public static string CommentsBaseline => Number(CommentsTop + PanelHeight);

    public static string AxisLeft => Number(Left);

    public static string AxisRight => Number(Right);

    private double Step { get; }

    private int PlotBottom { get; }

    private List<ChartBar> Bars(Func<MonthActivity, int> value, int max, int top)
    {
        var width = Math.Min(Step * 0.8, 40);
        var bars = new List<ChartBar>(Months.Count);
        for (var i = 0; i < Months.Count; i++)
        {
            var v = value(Months[i]);
            // A month with any activity keeps at least a sliver, so it never reads as none.
            var height = max == 0 || v == 0 ? 0 : Math.Max(1, PanelHeight * (double)v / max);
            bars.Add(new ChartBar(Months[i], v, Number(Left + (i * Step) + ((Step - width) / 2)), Number(top + PanelHeight - height), Number(width), Number(height)));
        }

        return bars;
    }

    /// <summary>
    /// Month names under each bar when they fit (a year's chart); the year at each January, and
    /// at the first month unless a January follows too closely; no label overlapping the one before.
    /// </summary>
    private List<ChartLabel> Labels()
    {
        var labels = new List<ChartLabel>();
        var monthsFit = Step >= MinLabelGap;
        if (monthsFit)
        {
            labels.AddRange(Months.Select((m, i) => new ChartLabel(Number(Centre(i)), Number(PlotBottom + 14), CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m.Month))));
        }

        var years = Enumerable.Range(0, Months.Count).Where(i => i == 0 || Months[i].Month == 1).ToList();
        if (years is [0, var january, ..] && Centre(january) - Centre(0) < MinLabelGap)
        {
            years.RemoveAt(0);
        }

        double? last = null;
        foreach (var i in years.Where(i => last is null || Centre(i) - last >= MinLabelGap))
        {
            last = Centre(i);
            // A year is about four characters wide: kept inside the drawing at either end.
            var x = Math.Clamp(Centre(i), Left + (MinLabelGap / 2), Right - (MinLabelGap / 2));
            labels.Add(new ChartLabel(Number(x), Number(PlotBottom + (monthsFit ? 28 : 14)), Months[i].Year.ToString(CultureInfo.InvariantCulture)));
        }

        return labels;
    }

    private double Centre(int index) => Left + (index * Step) + (Step / 2);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
