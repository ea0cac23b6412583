import { graphql } from '../../../gql/gql';

export const PenaltyRulesEditorQuery = graphql(`
  query PenaltyRulesPage_RulesQuery {
    penaltyRules(includeInactive: true) {
      id
      code
      titleEn
      titleZh
      descriptionEn
      descriptionZh
      active
      updatedAt
    }
  }
`);

export const CreatePenaltyRuleMutation = graphql(`
  mutation PenaltyRulesPage_CreateRule($input: PenaltyRuleInput!) {
    createPenaltyRule(input: $input) {
      rule {
        id
        code
        titleEn
        titleZh
        descriptionEn
        descriptionZh
        active
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdatePenaltyRuleMutation = graphql(`
  mutation PenaltyRulesPage_UpdateRule($input: UpdatePenaltyRuleInput!) {
    updatePenaltyRule(input: $input) {
      rule {
        id
        code
        titleEn
        titleZh
        descriptionEn
        descriptionZh
        active
        updatedAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);
