using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProbationArchive.Web.Tests.Support;

/// <summary>Counts the SQL commands EF Core sends, so tests can hold a page to a fixed number of queries.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <summary>EF Core readies a new command for every execution, whether reader, scalar or non-query.</summary>
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
