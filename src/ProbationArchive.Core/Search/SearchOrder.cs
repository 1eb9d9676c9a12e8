namespace ProbationArchive.Core.Search;

public enum SearchOrder
{
    Relevance,
    Newest,
}
