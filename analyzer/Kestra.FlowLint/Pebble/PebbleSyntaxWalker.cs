namespace Kestra.FlowLint.Pebble;

/// <summary>
/// Visits a tree; every method defaults to visiting the node's children. Recursion is bounded by the
/// parser's nesting limits, so overriding and recursing is safe.
/// </summary>
public abstract class PebbleSyntaxWalker
{
    public void Visit(PebbleTemplate template)
    {
        foreach (var node in template.Nodes) node.Accept(this);
    }

    public void Visit(PebbleSyntaxNode node) => node.Accept(this);

    protected virtual void DefaultVisit(PebbleSyntaxNode node)
    {
        for (int i = 0; i < node.ChildCount; i++) node.GetChild(i).Accept(this);
    }

    public virtual void VisitText(TextNode node) => DefaultVisit(node);
    public virtual void VisitVerbatim(VerbatimNode node) => DefaultVisit(node);
    public virtual void VisitComment(CommentNode node) => DefaultVisit(node);
    public virtual void VisitPrint(PrintNode node) => DefaultVisit(node);
    public virtual void VisitIf(IfNode node) => DefaultVisit(node);
    public virtual void VisitIfBranch(IfBranch node) => DefaultVisit(node);
    public virtual void VisitFor(ForNode node) => DefaultVisit(node);
    public virtual void VisitSet(SetNode node) => DefaultVisit(node);
    public virtual void VisitMacro(MacroNode node) => DefaultVisit(node);
    public virtual void VisitMacroParameter(MacroParameter node) => DefaultVisit(node);
    public virtual void VisitBlock(BlockNode node) => DefaultVisit(node);
    public virtual void VisitFilterTag(FilterTagNode node) => DefaultVisit(node);
    public virtual void VisitFilterCall(FilterCall node) => DefaultVisit(node);
    public virtual void VisitRemovedTag(RemovedTagNode node) => DefaultVisit(node);
    public virtual void VisitLiteral(LiteralExpression node) => DefaultVisit(node);
    public virtual void VisitVariable(VariableExpression node) => DefaultVisit(node);
    public virtual void VisitAttribute(AttributeExpression node) => DefaultVisit(node);
    public virtual void VisitFunctionCall(FunctionCallExpression node) => DefaultVisit(node);
    public virtual void VisitFilter(FilterExpression node) => DefaultVisit(node);
    public virtual void VisitTest(TestExpression node) => DefaultVisit(node);
    public virtual void VisitUnary(UnaryExpression node) => DefaultVisit(node);
    public virtual void VisitBinary(BinaryExpression node) => DefaultVisit(node);
    public virtual void VisitTernary(TernaryExpression node) => DefaultVisit(node);
    public virtual void VisitArray(ArrayExpression node) => DefaultVisit(node);
    public virtual void VisitMap(MapExpression node) => DefaultVisit(node);
    public virtual void VisitMapEntry(MapEntry node) => DefaultVisit(node);
    public virtual void VisitArgument(Argument node) => DefaultVisit(node);
    public virtual void VisitError(ErrorExpression node) => DefaultVisit(node);
}
