import { graphql } from '../../../gql/gql';

export const PenaltyRulesQuery = graphql(`
  query PenaltiesPage_RulesQuery {
    penaltyRules {
      id
      code
      titleEn
      titleZh
    }
  }
`);

export const ViolationsListQuery = graphql(`
  query PenaltiesPage_ListQuery($first: Int!, $after: String, $filter: ViolationsFilter) {
    staffViolations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        recordedAt
        correctionDueAt
        automatic
        subject {
          type
          id
          name
          email
          handle
        }
        rule {
          id
          code
          titleEn
          titleZh
        }
      }
    }
  }
`);

export const ViolationDetailQuery = graphql(`
  query PenaltiesPage_DetailQuery($id: ID!) {
    staffViolation(id: $id) {
      id
      status
      evidence
      note
      recordedAt
      correctionDueAt
      automatic
      recordedByName
      repeatOfId
      correctionRequestedAt
      correctionNote
      correctedAt
      correctedByName
      attachments {
        uploadId
        url
      }
      subject {
        type
        id
        name
        email
        handle
        status
      }
      rule {
        id
        code
        titleEn
        titleZh
      }
    }
  }
`);

export const SubjectSanctionsQuery = graphql(`
  query PenaltiesPage_SubjectSanctionsQuery($filter: SanctionsFilter) {
    staffSanctions(first: 20, filter: $filter) {
      nodes {
        id
        kind
        reason
        automatic
        startsAt
        endsAt
        liftedAt
        active
      }
    }
  }
`);

export const ActiveFreezesQuery = graphql(`
  query PenaltiesPage_ActiveFreezesQuery {
    staffSanctions(first: 50, filter: { kind: GENERAL_FREEZE, activeOnly: true }) {
      nodes {
        id
        reason
        automatic
        startsAt
        endsAt
        subject {
          type
          id
          name
          email
          handle
          status
        }
      }
    }
  }
`);

export const RecordViolationMutation = graphql(`
  mutation PenaltiesPage_RecordViolation($input: RecordViolationInput!) {
    recordViolation(input: $input) {
      violation {
        id
        status
      }
      generalFreeze {
        id
        endsAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const MarkCorrectedMutation = graphql(`
  mutation PenaltiesPage_MarkCorrected($input: ViolationCorrectionInput!) {
    markViolationCorrected(input: $input) {
      violation {
        id
        status
        correctedAt
        correctedByName
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RejectCorrectionMutation = graphql(`
  mutation PenaltiesPage_RejectCorrection($input: ViolationCorrectionInput!) {
    rejectViolationCorrection(input: $input) {
      violation {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const ApplyFreezeMutation = graphql(`
  mutation PenaltiesPage_ApplyFreeze($input: ApplyGeneralFreezeInput!) {
    applyGeneralFreeze(input: $input) {
      sanction {
        id
        active
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const LiftFreezeMutation = graphql(`
  mutation PenaltiesPage_LiftFreeze($input: LiftGeneralFreezeInput!) {
    liftGeneralFreeze(input: $input) {
      sanction {
        id
        active
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

/** Sends one evidence image to `POST /media/uploads` (same origin, session cookie); its upload id or null. */
export async function uploadEvidence(file: File): Promise<string | null> {
  if (!['image/png', 'image/jpeg', 'image/webp'].includes(file.type) || file.size > 5 * 1024 * 1024)
    return null;
  try {
    const res = await fetch('/media/uploads', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': file.type },
      body: file,
    });
    const body = (await res.json()) as { uploadId?: string };
    return res.ok && body.uploadId ? body.uploadId : null;
  } catch {
    return null;
  }
}
