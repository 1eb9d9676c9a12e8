using ProbationArchive.Web.Tests.Support;

// One seeded app for every test that only reads; tests that change data make their own factory.
[assembly: AssemblyFixture(typeof(ArchiveWebFactory))]
