using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ProbationArchive.Benchmarks.Parsing;

/// <summary>Columns that turn per-page time and allocation into per-megabyte figures.</summary>
internal static class ThroughputColumns
{
    internal abstract class Base(string name) : IColumn
    {
        public string Id => name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var megabytes = ParserInputs.Bytes((string)benchmarkCase.Parameters["Page"]) / 1e6;
            var report = summary[benchmarkCase];
            return report?.ResultStatistics is { } statistics
                ? Value(megabytes, statistics.Mean / 1e9, report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? 0)
                : "-";
        }

        protected abstract string Value(double megabytes, double seconds, long allocatedBytes);
    }

    internal sealed class PageSize() : Base("Page KB")
    {
        protected override string Value(double megabytes, double seconds, long allocatedBytes) =>
            (megabytes * 1000).ToString("F1", CultureInfo.InvariantCulture);
    }

    internal sealed class MegabytesPerSecond() : Base("MB/s")
    {
        protected override string Value(double megabytes, double seconds, long allocatedBytes) =>
            (megabytes / seconds).ToString("F1", CultureInfo.InvariantCulture);
    }

    internal sealed class AllocatedPerMegabyte() : Base("Alloc MB/MB")
    {
        protected override string Value(double megabytes, double seconds, long allocatedBytes) =>
            (allocatedBytes / 1e6 / megabytes).ToString("F2", CultureInfo.InvariantCulture);
    }
}
