-- Evaluation (評価) of register entries: the handbook's criteria, each scored on a scale the company can
-- configure (rows of scale_step), with a written rationale; the loss estimate in yen as a range.
create table inventory.criterion
(
    code     text primary key,
    name_ja  text    not null,
    name_en  text    not null,
    position integer not null
);
insert into inventory.criterion (code, name_ja, name_en, position)
values ('VALUE_NOW', '現在の経済的価値', 'Economic value now', 10),
       ('VALUE_FUTURE', '将来の経済的価値（技術革新の速さ・代替技術の有無を加味）', 'Economic value in future (pace of innovation, substitutes)', 20),
       ('REQUIRED_BY_LAW_OR_CONTRACT', '法令・契約により求められる管理の強さ', 'How strictly law or contract requires management', 30),
       ('OWN_LOSS', '漏えい・不正利用による自社の損失', 'Loss to us if leaked or misused', 40),
       ('PARTNER_LOSS', '取引先など他社に与える損失', 'Loss to partners and other companies', 50),
       ('COMPETITOR_USEFULNESS', '競合他社にとっての有用性', 'Usefulness to competitors', 60),
       ('TRUST_LOSS', '社会的信用の低下による損失', 'Loss of social trust (customers lost)', 70),
       ('SANCTIONS', '法令違反・契約違反による制裁', 'Sanctions for breach of law or contract', 80),
       ('MISUSE', '悪用されるおそれ', 'Whether it could be misused', 90),
       ('ENTRUSTED', '他社から預かった情報であること', 'Entrusted to us by another company', 100);

create table inventory.scale_step
(
    value         integer primary key,
    label_ja      text not null,
    label_en      text not null,
    descriptor_ja text not null,
    descriptor_en text not null
);
insert into inventory.scale_step (value, label_ja, label_en, descriptor_ja, descriptor_en)
values (1, 'ごく小さい', 'Negligible', '影響・価値はほとんどない', 'Hardly any effect or value'),
       (2, '小さい', 'Minor', '一部の業務に限られた影響・価値がある', 'Effect or value limited to some work'),
       (3, '中程度', 'Moderate', '部門の業績に影響する程度', 'Enough to affect a department''s results'),
       (4, '大きい', 'Major', '会社の業績・競争力に明確に影響する', 'Clearly affects the company''s results or competitiveness'),
       (5, '極めて大きい', 'Severe', '事業の存続や主力製品の競争力を左右する', 'Decides the survival of a business or a main product''s edge');

create table inventory.evaluation
(
    id                   bigserial primary key,
    asset_id             bigint      not null references inventory.asset (id) on delete cascade,
    evaluated_by         bigint,
    evaluated_at         timestamptz not null default now(),
    total                integer     not null,
    loss_min_yen         bigint      not null,
    loss_max_yen         bigint      not null,
    note                 text
);
create index evaluation_asset_idx on inventory.evaluation (asset_id, id desc);

create table inventory.evaluation_score
(
    evaluation_id bigint  not null references inventory.evaluation (id) on delete cascade,
    criterion     text    not null references inventory.criterion (code),
    score         integer not null,
    rationale     text    not null,
    primary key (evaluation_id, criterion)
);

alter table inventory.asset add column latest_evaluation_id bigint;
