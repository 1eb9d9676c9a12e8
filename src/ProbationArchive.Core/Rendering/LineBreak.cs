namespace ProbationArchive.Core.Rendering;

/// <summary>What the reflow rule makes of the break before a line of stored text.</summary>
internal enum LineBreak
{
    /// <summary>The writer's own break: kept, and rendered as one.</summary>
    Keep,

    /// <summary>A wrapping tool's break: the line joins the one before it with a space.</summary>
    Join,

    /// <summary>Kept, and the line is at the body's own indent after a list: the list ends before it.</summary>
    EndList,
}
