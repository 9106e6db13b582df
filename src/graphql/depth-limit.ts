import {
  GraphQLError,
  Kind,
  type ASTNode,
  type FragmentDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * Rejects documents nested deeper than `maxDepth` selections (fragments followed), so one
 * request cannot walk the graph without bound (DESIGN §7: query depth limits).
 */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    const depthOf = (node: ASTNode, seen: Set<string>): number => {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(node.name.value);
        if (!fragment || seen.has(node.name.value)) return 0;
        return depthOf(fragment.selectionSet, new Set(seen).add(node.name.value));
      }
      if (node.kind === Kind.FIELD) {
        return node.selectionSet ? 1 + depthOf(node.selectionSet, seen) : 1;
      }
      if (node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.FRAGMENT_DEFINITION) {
        return depthOf(node.selectionSet, seen);
      }
      if (node.kind === Kind.SELECTION_SET) {
        return Math.max(0, ...node.selections.map((s) => depthOf(s, seen)));
      }
      return 0;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(
              `The query is ${depth} levels deep; at most ${maxDepth} are allowed. Ask for less nesting, or page through the relation.`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}
