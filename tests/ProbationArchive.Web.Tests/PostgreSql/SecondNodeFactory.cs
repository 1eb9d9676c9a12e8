namespace ProbationArchive.Web.Tests.PostgreSql;

/// <summary>Another app node on the database of <paramref name="first"/>, which keeps (and drops) it.</summary>
public sealed class SecondNodeFactory(PostgreSqlArchiveWebFactory first) : PostgreSqlArchiveWebFactory(() => first.ConnectionString, ownsDatabase: false);
