// Every operation the dashboard sends. Each one is an example of docs/api-guide.md, word
// for word (DashboardQueriesTests in the docs module checks it), so each is executed
// against the demo province by the build.

export const startingPoint = `query startingPoint {
  me { username roles scope { id code name } }
  provinces: organizations(level: PROVINCE, first: 100) { edges { node { id code name depth } } }
}`;

export const organizationContext = `query organizationContext($id: ID!) {
  organization(id: $id) {
    id
    code
    name
    level
    principal { code name }
    ancestors { id code name }
  }
}`;

export const findOrganization = `query findOrganization($text: String!) {
  searchOrganizations(text: $text, first: 10) {
    edges { node { id code name level } }
  }
}`;

export const overview = `query overview($id: ID!) {
  organization(id: $id) {
    code
    name
    principal { name }
    children {
      code
      name
      level
      vacant
      principal { name }
      open: rectifications(includeDescendants: true, filter: { status: [ASSIGNED, IN_PROGRESS, SUBMITTED] }) { totalCount }
      overdue: rectifications(includeDescendants: true, filter: { overdue: true }) { totalCount }
      findings(includeDescendants: true) { totalCount }
    }
  }
}`;

export const gradesAndTrend = `query gradesAndTrend($id: ID!, $year: Int!, $y1: Int!, $y2: Int!, $y3: Int!) {
  organization(id: $id) {
    name
    open: rectifications(includeDescendants: true, filter: { status: [ASSIGNED, IN_PROGRESS, SUBMITTED] }) { totalCount }
    overdue: rectifications(includeDescendants: true, filter: { overdue: true }) { totalCount }
    findings(includeDescendants: true) { totalCount }
    y0: ecologyReport(year: $year) { year score grade }
    y1: ecologyReport(year: $y1) { year score grade }
    y2: ecologyReport(year: $y2) { year score grade }
    y3: ecologyReport(year: $y3) { year score grade }
    children {
      id
      code
      name
      y0: ecologyReport(year: $year) { score grade rankAmongPeers }
      y1: ecologyReport(year: $y1) { score }
      y2: ecologyReport(year: $y2) { score }
      y3: ecologyReport(year: $y3) { score }
    }
  }
}`;

export const findingsBySourceAndSeverity = `query findingsBySourceAndSeverity($under: ID!) {
  bySource: findingBreakdown(under: $under, by: SOURCE) {
    organization { code name }
    total
    counts { key label count }
  }
  bySeverity: findingBreakdown(under: $under, by: SEVERITY) {
    organization { code name }
    total
    counts { key label count }
  }
}`;

export const overdueList = `query overdueList($under: ID) {
  rectifications(under: $under, filter: { overdue: true }, first: 20) {
    totalCount
    edges {
      node {
        id
        measures
        deadline
        daysOverdue
        status
        responsibleOrganization { code name }
        responsibleCadre { name }
        finding { description severity concernsPrincipal subject { name } }
        reminders { level issuedOn issuedTo { name } }
      }
    }
  }
}`;

export const liveOverdueRows = `subscription liveOverdueRows($under: ID) {
  rectificationOverdue(under: $under) {
    id
    measures
    deadline
    daysOverdue
    status
    responsibleOrganization { code name }
    responsibleCadre { name }
    finding { description severity concernsPrincipal subject { name } }
    reminders { level issuedOn issuedTo { name } }
  }
}`;

export const findCadre = `query findCadre($text: String!) {
  searchCadres(text: $text, first: 10) {
    totalCount
    edges { node { code name currentPosts { title organization { name } } } }
  }
}`;

export const supervisionGraph = `query supervisionGraph($code: String!) {
  cadreByCode(code: $code) {
    id
    code
    name
    currentPosts { title role organization { id code name } }
    supervisionChain { id code name currentPosts { title } }
    chainDepth
    spanOfControl
    supervisors { kind derived supervisor { id code name } organization { name } }
    supervisees {
      kind
      derived
      subject { id code name currentPosts { title } }
      organization { name }
    }
  }
}`;

export const blindSpotsBelow = `query blindSpotsBelow($id: ID!) {
  blindSpots(organizationId: $id) {
    asOf
    vacancies { id code name parent { id } }
    principalsWithoutSupervisor { id code name }
  }
}`;

export const coverage = `query coverage($id: ID!, $year: Int!) {
  supervisionCoverage(organizationId: $id, year: $year) {
    principals
    withSupervisionTalk
    newPrincipals
    withTimelyAppointmentTalk
    uncovered(first: 10) { totalCount edges { node { code name } } }
    vacancies(first: 10) { totalCount edges { node { code name } } }
  }
  blindSpots(organizationId: $id) {
    vacancies { code name }
    principalsWithoutSupervisor { name }
  }
}`;

export const openObligations = `query openObligations($under: ID) {
  talkObligations(under: $under, status: OPEN, first: 10) {
    totalCount
    edges { node { kind dueOn owner { name } subject { name } organization { name } } }
  }
}`;

export const report = `query report($id: ID!, $year: Int!, $previous: Int!) {
  organization(id: $id) {
    name
    ecologyReport(year: $year) {
      score
      grade
      rankAmongPeers
      peerCount
      previousScore
      dimensions { dimension score }
      indicators { code name dimension value score weight }
      narrative
      generatedAt
      pdf: downloadUrl(format: PDF)
      docx: downloadUrl(format: DOCX)
    }
    lastYear: ecologyReport(year: $previous) { score grade }
    children { code name ecologyReport(year: $year) { score grade rankAmongPeers } }
  }
}`;
