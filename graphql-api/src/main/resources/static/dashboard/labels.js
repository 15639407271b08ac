// Chinese names of the schema's enum values (the same as the schema's own descriptions,
// see docs/schema.md), and the colours the dashboard gives them.

export const GRADE = {
  GREEN: { label: '绿色', meaning: '良好', color: '#2e9d5b' },
  YELLOW: { label: '黄色', meaning: '一般', color: '#d9a400' },
  ORANGE: { label: '橙色', meaning: '较差', color: '#e8731c' },
  RED: { label: '红色', meaning: '差', color: '#d63a3a' },
};

export const GRADE_ORDER = ['GREEN', 'YELLOW', 'ORANGE', 'RED'];

export const ORG_LEVEL = {
  PROVINCE: '省级',
  CITY: '市级',
  COUNTY: '县级',
  TOWNSHIP: '乡镇级',
  VILLAGE: '村级',
};

export const ROLE = {
  ADMIN: '系统管理员',
  INSPECTOR: '纪检监察人员',
  ORGANIZATION: '组织人事人员',
  ANALYST: '分析人员',
  VIEWER: '只读人员',
  INFORMANT_ACCESS: '可查看举报人',
};

export const SEVERITY = {
  EARLY_SIGN: { label: '苗头性倾向性问题', short: '苗头性', color: '#6aa9e9' },
  GENERAL: { label: '一般问题', short: '一般', color: '#e0a526' },
  SERIOUS: { label: '严重问题', short: '严重', color: '#d63a3a' },
};

export const RECTIFICATION_STATUS = {
  ASSIGNED: '已交办',
  IN_PROGRESS: '整改中',
  SUBMITTED: '已报送',
  VERIFIED: '已验收销号',
};

export const REMINDER_LEVEL = {
  REMINDER_LETTER: { label: '提醒督办函', from: 1 },
  ESCALATION: { label: '提级督办', from: 15 },
  SUMMONS: { label: '约谈', from: 30 },
};

export const REMINDER_ORDER = ['REMINDER_LETTER', 'ESCALATION', 'SUMMONS'];

export const SUPERVISION_KIND = {
  UPPER_PRINCIPAL: { label: '上级一把手监督', long: '上级一把手监督下级一把手', color: '#e45b5b' },
  PRINCIPAL_OVER_TEAM: { label: '一把手监督班子', long: '一把手监督班子成员', color: '#f0a030' },
  DISCIPLINE_SECRETARY: { label: '纪委书记监督', long: '纪委书记日常监督', color: '#5ab0f0' },
  PEER: { label: '相互监督', long: '班子成员相互监督', color: '#8f9bb3' },
  STATIONED: { label: '派驻监督', long: '派驻纪检监察组监督', color: '#a77be8' },
  ASSIGNED: { label: '指定监督', long: '指定监督（联系领导、交叉监督等）', color: '#3cc4a0' },
};

export const SUPERVISION_KIND_ORDER = [
  'UPPER_PRINCIPAL', 'PRINCIPAL_OVER_TEAM', 'DISCIPLINE_SECRETARY', 'PEER', 'STATIONED', 'ASSIGNED',
];

export const TEAM_ROLE = {
  PRINCIPAL: '一把手',
  DEPUTY: '副职',
  MEMBER: '班子成员',
  DISCIPLINE_SECRETARY: '纪委书记',
};

export const TALK_KIND = {
  APPOINTMENT: '任职谈话',
  SUPERVISION: '监督谈话',
  HEART_TO_HEART: '谈心谈话',
  INTEGRITY: '廉政谈话',
  REMINDER: '提醒谈话',
  ADMONITION: '诫勉',
  INQUIRY_LETTER: '函询',
  SUMMONS: '约谈',
};
